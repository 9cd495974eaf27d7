using System.Text;
using KinerjaBot.Workflow;

namespace KinerjaBot.Hosting;

/// <summary>
/// The workflows as Markdown with Stateless's own Mermaid export: printed by <c>workflow diagram</c>, pasted into
/// the README (a test checks the copy).
/// </summary>
public static class WorkflowDiagrams
{
    public static string Render(WorkflowCatalog catalog)
    {
        var text = new StringBuilder();
        foreach (var machine in catalog.DiagramMachines())
        {
            text.Append($"#### {machine.Title}\n\n```mermaid\n{machine.ToMermaid().ReplaceLineEndings("\n").TrimEnd()}\n```\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }
}
