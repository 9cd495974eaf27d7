namespace KinerjaBot.Configuration;

/// <summary>One step of the office report chain and the official who holds it.</summary>
public sealed record ChainStage(ChainStageKind Kind, string OfficialId);
