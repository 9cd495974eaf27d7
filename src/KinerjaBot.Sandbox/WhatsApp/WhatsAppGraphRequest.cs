namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>One Graph API call the bot made to the double, with its outcome.</summary>
/// <param name="Sequence">Arrival order, from 1.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The path below <c>/whatsapp</c>.</param>
/// <param name="StatusCode">The HTTP status answered; null when the connection was closed instead (an injected fault).</param>
/// <param name="ErrorCode">The Graph <c>error.code</c> of a refusal, else null.</param>
/// <param name="ErrorDetails">The refusal's <c>error_data.details</c> (or its message when it has none).</param>
/// <param name="To">The <c>to</c> of a messages call.</param>
/// <param name="MessageType">The <c>type</c> of a messages call (<c>interactive/button</c> and <c>interactive/list</c> for interactive ones).</param>
/// <param name="Body">The request body as text (multipart uploads summarized).</param>
public sealed record WhatsAppGraphRequest(
    long Sequence, string Method, string Path, int? StatusCode, int? ErrorCode, string? ErrorDetails, string? To, string? MessageType, string Body);
