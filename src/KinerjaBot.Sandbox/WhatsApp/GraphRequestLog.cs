using System.Globalization;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>Every Graph call, bounded, in arrival order, with a wait for tests.</summary>
internal sealed class GraphRequestLog(int capacity) : SequencedLog<WhatsAppGraphRequest>(capacity, r => r.Sequence, "Graph request")
{
    protected override string Describe(WhatsAppGraphRequest r) =>
        $"{r.Sequence} {r.Method} {r.Path} {r.MessageType} to={r.To} -> {r.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "dropped"} {r.ErrorCode}";
}
