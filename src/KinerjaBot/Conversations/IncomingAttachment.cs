namespace KinerjaBot.Conversations;

/// <summary>A photo or document the person sent, already saved at <see cref="LocalPath"/> under the data directory.</summary>
public sealed record IncomingAttachment(string LocalPath, string FileName, bool IsPhoto);
