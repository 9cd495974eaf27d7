namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>A Graph API refusal: the HTTP status and the <c>error</c> object the Cloud API answers with.</summary>
internal sealed class GraphException(int status, int code, string type, string message, string? details = null) : Exception(message)
{
    public const string OAuth = "OAuthException";

    public int Status { get; } = status;

    public int Code { get; } = code;

    public string Type { get; } = type;

    public string? Details { get; } = details;

    public static GraphException InvalidToken() =>
        new(401, 190, OAuth, "Invalid OAuth access token - Cannot parse access token");

    /// <summary>131009: a value outside the Cloud API's limits; <paramref name="details"/> names the field.</summary>
    public static GraphException InvalidParameter(string details) =>
        new(400, 131009, OAuth, "(#131009) Parameter value is not valid", details);

    public static GraphException MissingParameter(string field) =>
        new(400, 131008, OAuth, "(#131008) Required parameter is missing", $"The parameter {field} is required.");

    public static GraphException ReEngagement() =>
        new(400, 131047, OAuth, "(#131047) Re-engagement message",
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");

    public static GraphException Undeliverable() =>
        new(400, 131026, OAuth, "(#131026) Message undeliverable", "Message Undeliverable.");

    public static GraphException PairRateLimit() =>
        new(400, 131056, OAuth, "(#131056) (Business Account, Consumer Account) pair rate limit hit",
            "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.");

    public static GraphException UnknownTemplate(string name, string language) =>
        new(404, 132001, OAuth, "(#132001) Template name does not exist in the translation",
            $"template name ({name}) does not exist in {language}");

    public static GraphException UnsupportedType(string type) =>
        new(400, 131051, OAuth, "(#131051) Unsupported message type", $"Message type '{type}' is not supported.");

    public static GraphException MediaUpload(string details) =>
        new(400, 131053, OAuth, "(#131053) Media upload error", details);

    public static GraphException UnknownObject(string id) =>
        new(400, 100, "GraphMethodException",
            $"Unsupported request - method type: get. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");

    public static GraphException UnknownPath(string path) =>
        new(400, 2500, OAuth, $"Unknown path components: {path}");
}
