using System.Data.Common;
using Dapper;

namespace KinerjaBot.Storage;

/// <summary>Applies the steps of <see cref="SchemaMigrations"/> a database has not seen yet, on either engine.</summary>
internal static class SchemaMigrator
{
    /// <param name="connection">An open connection.</param>
    /// <param name="transaction">The transaction the steps run in (both engines have transactional DDL).</param>
    /// <param name="dialect">Turns a step's SQLite DDL into this engine's.</param>
    /// <param name="database">Named in the error when the file is newer than this release.</param>
    /// <param name="timeProvider">Stamps each applied step.</param>
    public static void Apply(DbConnection connection, DbTransaction transaction, Func<string, string> dialect, string database, TimeProvider timeProvider)
    {
        connection.Execute(
            dialect("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, description TEXT NOT NULL, applied_at TEXT NOT NULL)"),
            transaction: transaction);
        var current = connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction: transaction);
        var newest = SchemaMigrations.Steps.Max(s => s.Version);
        if (current > newest)
        {
            throw new DataStoreException(
                $"The database {database} has schema version {current}, newer than this KinerjaBot understands ({newest}). Run the newer KinerjaBot release, or restore a backup of the data directory.");
        }

        foreach (var step in SchemaMigrations.Steps.Where(s => s.Version > current).OrderBy(s => s.Version))
        {
            connection.Execute(dialect(step.Sql), transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, @At)",
                new { step.Version, step.Description, At = StoredTime.Format(timeProvider.GetUtcNow()) },
                transaction);
        }
    }
}
