namespace KinerjaBot.Configuration;

/// <summary>A person in the office roster. <see cref="Phone"/> is normalised to <c>62…</c>.</summary>
public sealed record Official(string Id, string Name, string Position, string Rank, string Nip, string Phone);
