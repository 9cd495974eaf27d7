using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using KinerjaBot.Workflow;

namespace KinerjaBot.Actions;

/// <summary>
/// What a button means, packed into Telegram's 64-byte <c>callback_data</c>. It names the instance and the
/// version it was shown for, but is never trusted: every press is re-checked against the store and the
/// presser's role. Forms: <c>w:id:version:trigger[:unit]</c> (a workflow trigger), <c>e:id:version:code</c>
/// (change one value), <c>y:asked</c> / <c>n:asked</c> (confirm a value or type again), <c>s:asked</c> (skip optional
/// evidence), <c>l:asked</c> (required evidence later) — <c>asked</c> stamps the question they answer, and the bare
/// letters of older messages are still read — <c>v:id:version:code</c> (send the evidence still owed for one indicator),
/// <c>r:asked</c> (take the value computed from lower periods; a bare <c>r</c> is from before it carried its question's stamp), <c>a</c> (approve every submission whose details the presser was shown before that list),
/// <c>i:official</c> (Ingatkan: a superior nudges a late official; re-checked on press like every other button),
/// <c>b:period</c> / <c>t:period</c> (confirm opening / closing a period), <c>k:step:value</c> (a /wakil answer).
/// </summary>
public sealed record CallbackAction(char Kind, long InstanceId = 0, int Version = 0, WorkflowTrigger? Trigger = null, string? Argument = null)
{
    public const int MaxBytes = 64;

    public const char WorkflowKind = 'w';
    public const char EditKind = 'e';
    public const char ConfirmKind = 'y';
    public const char RetypeKind = 'n';
    public const char SkipKind = 's';
    public const char CancelKind = 'x';
    public const char OpenPeriodKind = 'b';
    public const char NudgeKind = 'i';
    public const char LaterKind = 'l';
    public const char EvidenceKind = 'v';
    public const char ApproveSeenKind = 'a';
    public const char ClosePeriodKind = 't';
    public const char ActingStepKind = 'k';
    public const char RollupKind = 'r';

    public static string ForTrigger(WorkflowInstance instance, WorkflowTrigger trigger, string? unitId = null) =>
        Checked(unitId is null
            ? $"w:{instance.Id}:{instance.Version}:{(int)trigger}"
            : $"w:{instance.Id}:{instance.Version}:{(int)trigger}:{unitId}");

    public static string ForEdit(WorkflowInstance instance, string indicatorCode) =>
        Checked($"e:{instance.Id}:{instance.Version}:{indicatorCode}");

    /// <summary>"Kirim bukti IK-1.1": asks again for evidence deferred with Nanti.</summary>
    public static string ForEvidence(WorkflowInstance instance, string indicatorCode) =>
        Checked($"v:{instance.Id}:{instance.Version}:{indicatorCode}");

    /// <summary>"Setujui semua yang sudah saya periksa"; what it covers is worked out on the press, never carried.</summary>
    public static string ApproveSeen => "a";

    public static string ForNudge(string officialId) => Checked($"i:{officialId}");

    /// <summary>Ya, benar / Ketik ulang / Lewati / Nanti of the filling question asked at <paramref name="askedAt"/> (its stamp).</summary>
    public static string ForQuestion(char kind, long askedAt) => Checked($"{kind}:{askedAt.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// "Benar: …" of the rollup question asked at <paramref name="askedAt"/>: takes the value computed from the lower periods
    /// (kept in the chat's state). A question stored before this button carried a stamp (0) shows the bare <c>r</c>.
    /// </summary>
    public static string ForRollup(long askedAt) => askedAt > 0 ? ForQuestion(RollupKind, askedAt) : "r";

    /// <summary>Confirms opening a period that has not ended yet.</summary>
    public static string ForOpening(string periodId) => Checked($"b:{periodId}");

    /// <summary>Confirms closing a period opened by mistake (/tutup): <c>t:period</c>.</summary>
    public static string ForClosing(string periodId) => Checked($"t:{periodId}");

    /// <summary>One answer in the /wakil conversation: <c>a:step:value</c> (who is away, who stands in, the kind, confirm, end one).</summary>
    public static string ForActingStep(char step, string value) => Checked($"k:{step}:{value}");

    /// <summary>Closes a side question (such as "ke mana?") without doing anything.</summary>
    public static string Cancel => "x";

    /// <summary>
    /// The key under which a message's choices supersede earlier ones (see <see cref="Messaging.OutgoingMessage.SupersedeKey"/>):
    /// the instance its main decision (Mulai isi, Ubah/Kirim, Setujui, Perbaiki, a stage's approval) is about.
    /// Side questions (a confirmation, "ke mana?") have none, so they never take the main buttons away.
    /// </summary>
    public static string? SupersedeKeyOf(IEnumerable<IReadOnlyList<Messaging.Choice>> choices)
    {
        foreach (var choice in choices.SelectMany(row => row))
        {
            if (TryParse(choice.Action, out var action)
                && (action.Kind is EditKind or EvidenceKind
                    || (action.Kind == WorkflowKind && action.Trigger is Workflow.WorkflowTrigger.Start or Workflow.WorkflowTrigger.Submit or Workflow.WorkflowTrigger.Approve or Workflow.WorkflowTrigger.Fix)))
            {
                return $"i{action.InstanceId}";
            }
        }

        return null;
    }

    public static bool TryParse(string? data, [NotNullWhen(true)] out CallbackAction? action)
    {
        action = null;
        if (string.IsNullOrEmpty(data) || Encoding.UTF8.GetByteCount(data) > MaxBytes)
        {
            return false;
        }

        if (data is "y" or "n" or "s" or "x" or "l" or "a" or "r")
        {
            action = new CallbackAction(data[0]);
            return true;
        }

        if (data.Length > 2 && data[1] == ':' && data[0] is ConfirmKind or RetypeKind or SkipKind or LaterKind or RollupKind)
        {
            if (!long.TryParse(data[2..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }

            action = new CallbackAction(data[0], Argument: data[2..]);
            return true;
        }

        if (data.Length > 2 && data[1] == ':' && data[0] is OpenPeriodKind or ClosePeriodKind or ActingStepKind)
        {
            action = new CallbackAction(data[0], Argument: data[2..]);
            return true;
        }

        if (data.StartsWith("i:", StringComparison.Ordinal))
        {
            var officialId = data[2..];
            if (officialId.Length == 0 || officialId.Contains(':', StringComparison.Ordinal))
            {
                return false;
            }

            action = new CallbackAction(NudgeKind, Argument: officialId);
            return true;
        }

        var parts = data.Split(':');
        if (parts.Length < 4
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        switch (parts[0])
        {
            case "w" when parts.Length <= 5
                && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var trigger)
                && Enum.IsDefined((WorkflowTrigger)trigger):
                action = new CallbackAction(WorkflowKind, id, version, (WorkflowTrigger)trigger, parts.Length == 5 ? parts[4] : null);
                return true;
            case "e" or "v" when parts.Length == 4:
                action = new CallbackAction(parts[0][0], id, version, null, parts[3]);
                return true;
            default:
                return false;
        }
    }

    private static string Checked(string data) =>
        Encoding.UTF8.GetByteCount(data) <= MaxBytes
            ? data
            : throw new InvalidOperationException($"Button data '{data}' is longer than Telegram's {MaxBytes} bytes; shorten the unit id or indicator code.");
}
