namespace KinerjaBot.Storage;

/// <summary>One database engine under <see cref="KinerjaStore"/>: how transactions are opened on it.</summary>
internal interface IStoreBackend : IDisposable
{
    /// <summary>Where the data is, for the operator (a file path, or host and database without the password).</summary>
    string Description { get; }

    /// <summary>A write transaction; writers take turns, so each sees the one before it committed.</summary>
    Task<StoreTransaction> BeginAsync(CancellationToken cancellationToken);

    /// <summary>A read-only snapshot that does not wait for the writer.</summary>
    Task<StoreTransaction> ReadAsync(CancellationToken cancellationToken);

    int SchemaVersion();

    /// <summary>This instance's turn at <paramref name="role"/>, or null while another instance holds it.</summary>
    Task<StoreLease?> TryLeadAsync(LeaseRole role, CancellationToken cancellationToken);
}
