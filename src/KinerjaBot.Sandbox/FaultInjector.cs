namespace KinerjaBot.Sandbox;

/// <summary>Faults a test asked for, handed to the next matching requests in the order they were injected.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];

    public void Inject(string method, BotApiFault fault, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _rules.Add(new FaultRule(method, fault, count));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public BotApiFault? Take(string method)
    {
        lock (_gate)
        {
            var rule = _rules.Find(r => r.Method == "*" || r.Method.Equals(method, StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                return null;
            }

            if (--rule.Remaining == 0)
            {
                _rules.Remove(rule);
            }

            return rule.Fault;
        }
    }
}
