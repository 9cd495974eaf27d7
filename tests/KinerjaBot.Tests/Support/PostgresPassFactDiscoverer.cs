using Xunit.Abstractions;
using Xunit.Sdk;

namespace KinerjaBot.Tests.Support;

/// <summary>Finds a <see cref="PostgresPassFactAttribute"/> test as a plain fact in the PostgreSQL pass, and not at all in the others.</summary>
public sealed class PostgresPassFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        PostgresTestDatabase.Requested ? base.Discover(discoveryOptions, testMethod, factAttribute) : [];
}
