using Xunit.Sdk;

namespace KinerjaBot.Tests.Support;

/// <summary>
/// A test that only the PostgreSQL pass runs (<see cref="PostgresTestDatabase.StorageVariable"/> = <c>postgres</c>);
/// in the other passes it is not discovered at all, rather than skipped or passed without doing anything. For tests
/// that set up their own PostgreSQL deployment whatever the pass, so that running them in every pass of
/// scripts/test.sh would only repeat the same minute of work.
/// </summary>
[XunitTestCaseDiscoverer("KinerjaBot.Tests.Support.PostgresPassFactDiscoverer", "KinerjaBot.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresPassFactAttribute : FactAttribute;
