namespace KinerjaBot.WhatsApp;

/// <summary>A document by media id (uploaded first) with its file name and caption.</summary>
public sealed record GraphDocument(string Id, string? Filename, string? Caption);
