namespace KinerjaBot.Sandbox;

/// <summary>
/// An error the sandbox answers with Telegram's envelope <c>{ok:false, error_code, description, parameters?}</c>.
/// Thrown deep inside request handling so validation reads like Telegram's server: check, fail, done.
/// </summary>
internal sealed class BotApiException(int errorCode, string description, int? retryAfter = null) : Exception(description)
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public int? RetryAfter { get; } = retryAfter;

    public static BotApiException BadRequest(string detail) => new(400, "Bad Request: " + detail);

    public static BotApiException Forbidden(string detail) => new(403, "Forbidden: " + detail);
}
