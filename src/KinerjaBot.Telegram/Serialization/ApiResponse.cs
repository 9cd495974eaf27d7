using System.Text.Json;

namespace KinerjaBot.Telegram.Serialization;

/// <summary>
/// The envelope every Bot API answer comes in. <see cref="Result"/> stays a raw element so one non-generic
/// envelope serves all methods; the funnel then reads it with the method's own source-generated contract.
/// </summary>
internal sealed record ApiResponse
{
    public bool Ok { get; init; }

    public JsonElement? Result { get; init; }

    public int? ErrorCode { get; init; }

    public string? Description { get; init; }

    public ResponseParameters? Parameters { get; init; }
}
