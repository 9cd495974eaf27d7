using Npgsql;

namespace KinerjaBot.Tests.Support;

/// <summary>
/// A fresh, empty PostgreSQL database for one test, dropped afterwards. The server comes from
/// <see cref="ServerVariable"/> (scripts/test.sh installs and starts one and sets it).
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    /// <summary>A connection string to a server where the user may create databases, e.g. Host=127.0.0.1;Username=…;Password=…;Database=postgres.</summary>
    public const string ServerVariable = "KINERJABOT_TEST_POSTGRES";

    /// <summary>Set to <c>postgres</c> to run the bot's end-to-end tests on PostgreSQL instead of SQLite.</summary>
    public const string StorageVariable = "KINERJABOT_TEST_STORAGE";

    private readonly string _server;
    private readonly string _name = "kb_test_" + Guid.NewGuid().ToString("N");

    public PostgresTestDatabase()
    {
        _server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{StorageVariable}=postgres needs {ServerVariable}, a connection string to a PostgreSQL server where the user may create databases (scripts/test.sh sets both).");
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {_name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", connection);
        create.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
    }

    /// <summary>Whether this run asks for PostgreSQL (<see cref="StorageVariable"/> is <c>postgres</c>).</summary>
    public static bool Requested =>
        string.Equals(Environment.GetEnvironmentVariable(StorageVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState is "42501" or "55006" && attempt < 5)
            {
                // A server process of another role (autovacuum on a busy machine) may still be in the database for a
                // moment; FORCE may not end it, but it leaves on its own.
                Thread.Sleep(200 * attempt);
            }
        }
    }
}
