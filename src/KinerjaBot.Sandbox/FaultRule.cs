namespace KinerjaBot.Sandbox;

/// <summary>An injected fault with the number of requests it still applies to.</summary>
internal sealed class FaultRule(string method, BotApiFault fault, int remaining)
{
    public string Method { get; } = method;

    public BotApiFault Fault { get; } = fault;

    public int Remaining { get; set; } = remaining;
}
