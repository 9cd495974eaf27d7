using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Architecture;

/// <summary>
/// Guards the layering a successor relies on: no namespace of the product imports another that (directly or
/// through others) imports it back. Read from the sources, because within one assembly the compiler does not keep
/// which namespace used which; a <c>using</c> and a fully qualified <c>KinerjaBot.X.Type</c> both count.
/// </summary>
public sealed class NamespaceDependencyTests
{
    [Fact]
    public void No_namespace_in_src_depends_on_itself_through_others()
    {
        var graph = NamespaceGraph.Read(Path.Combine(RepositoryPaths.Root, "src"));

        var cycles = graph.Cycles();

        Assert.True(
            cycles.Count == 0,
            "Namespaces that depend on each other in a circle (each line is one circle; the files that make each edge "
            + "are listed, move the shared type to the lower layer):\n" + string.Join("\n", cycles.Select(graph.Describe)));
    }

    /// <summary>
    /// The layers, lowest first (README "Layout" explains each). A namespace may import the layers below it and its own
    /// child namespaces, nothing beside or above it: the features never import each other or the conversation layer,
    /// so what they share goes down to Actions or lower.
    /// </summary>
    private static readonly string[][] Layers =
    [
        ["KinerjaBot.Domain", "KinerjaBot.Web", "KinerjaBot.Telegram", "KinerjaBot.WhatsApp", "KinerjaBot.Sandbox", "KinerjaBot.Sandbox.WhatsApp"],
        ["KinerjaBot.Configuration", "KinerjaBot.Messaging"],
        ["KinerjaBot.Workflow"],
        ["KinerjaBot.Storage"],
        ["KinerjaBot.Actions", "KinerjaBot.Reports.Pdf"],
        ["KinerjaBot.Periods", "KinerjaBot.Reminders", "KinerjaBot.Reports"],
        ["KinerjaBot.Conversations"],
        ["KinerjaBot.TelegramChannel", "KinerjaBot.WhatsAppChannel"],
        ["KinerjaBot.Hosting"],
    ];

    [Fact]
    public void Every_namespace_imports_only_layers_below_it()
    {
        var graph = NamespaceGraph.Read(Path.Combine(RepositoryPaths.Root, "src"));
        var layerOf = Layers.SelectMany((names, layer) => names.Select(name => (name, layer))).ToDictionary(e => e.name, e => e.layer);

        var unplaced = graph.Edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Where(n => !layerOf.ContainsKey(n)).ToList();
        var upward = graph.Edges
            .Where(e => layerOf.ContainsKey(e.From) && layerOf.ContainsKey(e.To)
                && layerOf[e.To] >= layerOf[e.From]
                && !e.To.StartsWith(e.From + ".", StringComparison.Ordinal))
            .Select(e => $"{e.From} -> {e.To} ({string.Join(", ", e.Files)})")
            .ToList();

        Assert.True(unplaced.Count == 0, "Namespaces in no layer (add them to Layers and to README's Layout):\n" + string.Join("\n", unplaced));
        Assert.True(upward.Count == 0, "Imports of a layer beside or above (move the shared type down):\n" + string.Join("\n", upward));
    }

    [Fact]
    public void The_sandbox_knows_nothing_of_the_bot()
    {
        var graph = NamespaceGraph.Read(Path.Combine(RepositoryPaths.Root, "src"));

        var leaks = graph.Edges
            .Where(e => e.From.StartsWith("KinerjaBot.Sandbox", StringComparison.Ordinal)
                && !e.To.StartsWith("KinerjaBot.Sandbox", StringComparison.Ordinal))
            .Select(e => $"{e.From} -> {e.To} ({string.Join(", ", e.Files)})")
            .ToList();

        Assert.True(leaks.Count == 0, "The sandbox imports the bot's own code:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public void The_cycle_finder_reports_a_circle_through_three_namespaces()
    {
        // The guard above passes on a clean tree; this shows it would fail on a dirty one.
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "A.cs"), "using KinerjaBot.B;\nnamespace KinerjaBot.A;\npublic class A {}");
        File.WriteAllText(Path.Combine(folder.Path, "B.cs"), "namespace KinerjaBot.B;\npublic class B { KinerjaBot.C.C? c; }");
        File.WriteAllText(Path.Combine(folder.Path, "C.cs"), "using KinerjaBot.A;\nnamespace KinerjaBot.C;\npublic class C {}");
        File.WriteAllText(Path.Combine(folder.Path, "D.cs"), "using KinerjaBot.A;\nnamespace KinerjaBot.D;\npublic class D {}");

        var cycles = NamespaceGraph.Read(folder.Path).Cycles();

        var cycle = Assert.Single(cycles);
        Assert.Equal(["KinerjaBot.A", "KinerjaBot.B", "KinerjaBot.C"], cycle.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_name_qualified_from_an_enclosing_namespace_counts()
    {
        // Inside KinerjaBot.A, "B.Thing" is KinerjaBot.B.Thing without any using; such a hidden edge once closed a circle.
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "A.cs"), "namespace KinerjaBot.A;\npublic class A { object M() => new B.Thing(); }");
        File.WriteAllText(Path.Combine(folder.Path, "B.cs"), "using KinerjaBot.A;\nnamespace KinerjaBot.B;\npublic class Thing { Period.Id? p; }");

        var cycle = Assert.Single(NamespaceGraph.Read(folder.Path).Cycles());
        Assert.Equal(["KinerjaBot.A", "KinerjaBot.B"], cycle);
    }
}
