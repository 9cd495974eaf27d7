using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// Sits on the wire between the bot and the local Bot API server and adds raw entries the bot cannot read to a
/// getUpdates answer, as Telegram could deliver them, while behaving like Telegram about them: an entry is
/// delivered again in every answer until the bot's offset has moved past its <c>update_id</c>.
/// </summary>
/// <remarks>
/// To make room for extra ids, the server's update <c>n</c> is shown to the bot as <c>10·n</c>; entries injected
/// around it get the ids just below or above. The bot's offset <c>o</c> goes to the server as <c>⌈o/10⌉</c>, so
/// confirming an injected id confirms exactly the real updates before it.
/// </remarks>
public sealed class MalformedUpdateInjector : DelegatingHandler
{
    private const int Spread = 10;

    private readonly Lock _gate = new();
    private readonly List<Planned> _planned = [];
    private readonly List<Pending> _pending = [];
    private readonly Dictionary<string, int> _deliveries = [];

    /// <summary>
    /// Adds entries to the next answer that carries a real update: <paramref name="before"/> just ahead of its
    /// first update, <paramref name="after"/> just behind its last. Each gets its id (or ignores it) and a label.
    /// </summary>
    public void InjectAroundNextUpdate(IReadOnlyList<(string Label, Func<long, string> Json)> before, IReadOnlyList<(string Label, Func<long, string> Json)> after)
    {
        if (before.Count >= Spread || after.Count >= Spread)
        {
            throw new ArgumentException($"At most {Spread - 1} entries fit on each side of an update.");
        }

        lock (_gate)
        {
            _planned.Add(new Planned(before, after));
        }
    }

    /// <summary>How many getUpdates answers carried the entry with this label.</summary>
    public int Deliveries(string label)
    {
        lock (_gate)
        {
            return _deliveries.GetValueOrDefault(label);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath.EndsWith("/getUpdates", StringComparison.Ordinal) != true || request.Content is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        var botOffset = body["offset"]?.GetValue<long>() ?? 0;
        if (botOffset > 0)
        {
            body["offset"] = (botOffset + Spread - 1) / Spread;
        }

        request.Content = Json(body.ToJsonString());
        var response = await base.SendAsync(request, cancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        if (answer["ok"]?.GetValue<bool>() != true)
        {
            response.Content = Json(answer.ToJsonString());
            return response;
        }

        var entries = new List<(long? Id, string Json)>();
        foreach (var update in answer["result"]!.AsArray())
        {
            var shown = update!.AsObject();
            shown["update_id"] = shown["update_id"]!.GetValue<long>() * Spread;
            entries.Add((shown["update_id"]!.GetValue<long>(), shown.ToJsonString()));
        }

        lock (_gate)
        {
            PlanInto(entries);
            _pending.RemoveAll(p => p.Id is { } id && botOffset > id);
            foreach (var pending in _pending.Where(p => !entries.Any(e => e.Id is not null && e.Id == p.Id)))
            {
                entries.Add((pending.Id, pending.Json));
            }

            foreach (var pending in _pending)
            {
                _deliveries[pending.Label] = _deliveries.GetValueOrDefault(pending.Label) + 1;
            }

            // An entry without a readable id cannot be confirmed by any offset; Telegram could only send it once.
            _pending.RemoveAll(p => p.Id is null);
        }

        var ordered = entries.OrderBy(e => e.Id ?? long.MinValue).Select(e => e.Json);
        response.Content = Json($$"""{"ok":true,"result":[{{string.Join(',', ordered)}}]}""");
        return response;
    }

    // Called under _gate.
    private void PlanInto(List<(long? Id, string Json)> entries)
    {
        if (entries.Count == 0 || _planned.Count == 0)
        {
            return;
        }

        var plan = _planned[0];
        _planned.RemoveAt(0);
        var first = entries.Min(e => e.Id!.Value);
        var last = entries.Max(e => e.Id!.Value);
        for (var i = 0; i < plan.Before.Count; i++)
        {
            Add(plan.Before[i], first - plan.Before.Count + i);
        }

        for (var i = 0; i < plan.After.Count; i++)
        {
            Add(plan.After[i], last + 1 + i);
        }

        void Add((string Label, Func<long, string> Json) entry, long id)
        {
            var json = entry.Json(id);
            var readableId = JsonNode.Parse(json) is JsonObject o && o["update_id"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : (long?)null;
            _pending.Add(new Pending(entry.Label, readableId, json));
        }
    }

    private static ByteArrayContent Json(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private sealed record Planned(IReadOnlyList<(string Label, Func<long, string> Json)> Before, IReadOnlyList<(string Label, Func<long, string> Json)> After);

    private sealed record Pending(string Label, long? Id, string Json);
}
