namespace KinerjaBot.Sandbox;

/// <summary>A file's description and bytes; the bytes are never handed out without copying.</summary>
internal sealed record StoredFile(ChatFile Info, byte[] Bytes);
