using Microsoft.Data.Sqlite;

namespace KinerjaBot.Storage;

/// <summary>The connection and transaction every table class of one <see cref="StoreTransaction"/> shares.</summary>
internal sealed record StoreSession(SqliteConnection Connection, SqliteTransaction Transaction);
