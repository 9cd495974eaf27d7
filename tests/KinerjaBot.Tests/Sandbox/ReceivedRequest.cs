using System.Text;
using System.Text.Json.Nodes;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>One request the <see cref="WebhookReceiver"/> got, with its raw body and the status it answered.</summary>
public sealed record ReceivedRequest(
    string Method, IReadOnlyDictionary<string, string> Query, string Signature, string? ContentType, byte[] Body, int AnsweredStatus)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    /// <summary>The <c>value</c> of the event's only change.</summary>
    public JsonObject Value => Json["entry"]![0]!["changes"]![0]!["value"]!.AsObject();
}
