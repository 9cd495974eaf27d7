using System.Data.Common;

namespace KinerjaBot.Storage;

/// <summary>The connection and transaction every table class of one <see cref="StoreTransaction"/> shares.</summary>
internal sealed record StoreSession(DbConnection Connection, DbTransaction Transaction);
