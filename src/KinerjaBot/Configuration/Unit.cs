namespace KinerjaBot.Configuration;

/// <summary>A section (seksi / bidang / subbagian) that reports its own indicators; verifiers check in list order.</summary>
public sealed record Unit(string Id, string Name, string HeadId, IReadOnlyList<string> VerifierIds);
