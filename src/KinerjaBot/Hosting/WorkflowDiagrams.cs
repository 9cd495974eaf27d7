using System.Text;
using KinerjaBot.Workflow;

namespace KinerjaBot.Hosting;

/// <summary>Both workflows as Markdown with Mermaid blocks: printed by <c>workflow diagram</c>, pasted into the README.</summary>
public static class WorkflowDiagrams
{
    public static string Render(WorkflowCatalog catalog)
    {
        var text = new StringBuilder();
        foreach (var definition in new[] { catalog.WidestUnitSubmission(), catalog.Report })
        {
            text.Append($"#### {definition.Title}\n\n```mermaid\n{definition.ToMermaid()}```\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }
}
