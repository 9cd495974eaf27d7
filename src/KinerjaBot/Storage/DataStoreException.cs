namespace KinerjaBot.Storage;

/// <summary>The database in the data directory cannot be used; the message says why and what to do.</summary>
public sealed class DataStoreException(string message, Exception? inner = null) : Exception(message, inner);
