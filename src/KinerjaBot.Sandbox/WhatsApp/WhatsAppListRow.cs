namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>One row of a list message's sheet.</summary>
public sealed record WhatsAppListRow(string Id, string Title, string? Description, string? SectionTitle);
