using System.Text.RegularExpressions;

namespace KinerjaBot.Tests.Architecture;

/// <summary>Which KinerjaBot namespace uses which, read from the C# sources under one folder.</summary>
public sealed partial class NamespaceGraph
{
    private readonly Dictionary<(string From, string To), SortedSet<string>> _edges = [];
    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);

    /// <summary>One dependency and the files that make it.</summary>
    public sealed record Edge(string From, string To, IReadOnlyCollection<string> Files);

    public IEnumerable<Edge> Edges => _edges.Select(e => new Edge(e.Key.From, e.Key.To, e.Value));

    public static NamespaceGraph Read(string sourceFolder)
    {
        var graph = new NamespaceGraph();
        var partial = new List<(string From, string Name, string File)>();
        var files = Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var declared = NamespaceDeclaration().Match(text);
            if (!declared.Success)
            {
                continue;
            }

            var from = declared.Groups[1].Value;
            graph._namespaces.Add(from);
            var body = text[(declared.Index + declared.Length)..];
            var used = UsingDirective().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(QualifiedReference().Matches(StripCommentsAndStrings(body)).Select(m => m.Groups[1].Value));
            foreach (var to in used)
            {
                graph.Add(from, to, Path.GetFileName(file));
            }

            partial.AddRange(PartialReference().Matches(StripCommentsAndStrings(body)).Select(m => (from, m.Groups[1].Value, Path.GetFileName(file))));
        }

        // Inside KinerjaBot.Hosting, "Demo.DemoRunner" means KinerjaBot.Demo.DemoRunner: C# looks the first name up in
        // each enclosing namespace, innermost first. Resolved once every namespace is known.
        foreach (var (from, name, file) in partial)
        {
            for (var scope = from; scope.Length > 0; scope = scope.Contains('.') ? scope[..scope.LastIndexOf('.')] : string.Empty)
            {
                if (graph._namespaces.Contains($"{scope}.{name}"))
                {
                    graph.Add(from, $"{scope}.{name}", file);
                    break;
                }
            }
        }

        // A qualified name such as KinerjaBot.Reports.Pdf.ReportRow matches KinerjaBot.Reports.Pdf.ReportRow as a
        // whole; keep only the longest prefix that is a declared namespace.
        foreach (var key in graph._edges.Keys.ToList())
        {
            var target = graph.DeclaredPrefix(key.To);
            var files2 = graph._edges[key];
            graph._edges.Remove(key);
            if (target is not null && target != key.From)
            {
                graph.Add(key.From, target, files2);
            }
        }

        return graph;
    }

    /// <summary>Every set of namespaces that reach one another (strongly connected components of two or more).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var successors = _edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var index = new Dictionary<string, int>();
        var lowLink = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = lowLink[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in successors.GetValueOrDefault(node, []))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    lowLink[node] = Math.Min(lowLink[node], lowLink[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLink[node] = Math.Min(lowLink[node], index[next]);
                }
            }

            if (lowLink[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    components.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var node in _namespaces.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }

    /// <summary>A cycle with the edges inside it and their files, for the failure message.</summary>
    public string Describe(IReadOnlyList<string> cycle)
    {
        var members = cycle.ToHashSet(StringComparer.Ordinal);
        var inside = _edges
            .Where(e => members.Contains(e.Key.From) && members.Contains(e.Key.To))
            .Select(e => $"    {e.Key.From} -> {e.Key.To}: {string.Join(", ", e.Value)}");
        return $"  {string.Join(" / ", cycle)}\n{string.Join("\n", inside)}";
    }

    private void Add(string from, string to, string file) => Add(from, to, [file]);

    private void Add(string from, string to, IEnumerable<string> files)
    {
        if (from == to)
        {
            return;
        }

        if (!_edges.TryGetValue((from, to), out var set))
        {
            _edges[(from, to)] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        set.UnionWith(files);
    }

    private string? DeclaredPrefix(string name)
    {
        for (var candidate = name; candidate.Length > 0; candidate = candidate.Contains('.') ? candidate[..candidate.LastIndexOf('.')] : string.Empty)
        {
            if (_namespaces.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // Comments and string literals mention namespaces ("see KinerjaBot.Storage") without depending on them.
    private static string StripCommentsAndStrings(string code) => CommentOrString().Replace(code, " ");

    [GeneratedRegex(@"^\s*namespace\s+(KinerjaBot[\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(KinerjaBot[\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?<![\w.])(KinerjaBot(?:\.\w+)+)")]
    private static partial Regex QualifiedReference();

    // The first name of a dotted name that does not start with KinerjaBot (Demo in Demo.DemoRunner); only those that
    // name a namespace from an enclosing one become edges, so Period.Parse or office.Office do not.
    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.[A-Z]\w*")]
    private static partial Regex PartialReference();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:""""|[^""])*""|""(?:\\.|[^""\\\n])*""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();
}
