namespace KinerjaBot.Storage;

/// <summary>Which database the bot keeps its data in (the <c>Storage</c> settings section).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default: a file in KinerjaBot:DataDirectory) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>For postgres: Npgsql's connection string. Holds a password: set it in the environment, never in a committed file.</summary>
    public string ConnectionString { get; set; } = "";

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every problem with the settings, each saying what to set; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (!IsPostgres && !string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return [$"Storage:Provider is '{Provider}'; use sqlite (the default) or postgres."];
        }

        return IsPostgres && string.IsNullOrWhiteSpace(ConnectionString)
            ? ["Storage:ConnectionString is empty; with Storage:Provider postgres set it, e.g. Storage__ConnectionString='Host=db.example;Database=kinerjabot;Username=kinerjabot;Password=…'."]
            : [];
    }
}
