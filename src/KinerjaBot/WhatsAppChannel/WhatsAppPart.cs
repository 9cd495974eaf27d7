using KinerjaBot.WhatsApp;

namespace KinerjaBot.WhatsAppChannel;

/// <summary>
/// One Graph request an outgoing message becomes: a ready message, or a document to upload to /media first and then
/// send by its media id.
/// </summary>
public sealed record WhatsAppPart(GraphMessage? Message, string? DocumentPath = null, string? DocumentName = null, string? Caption = null);
