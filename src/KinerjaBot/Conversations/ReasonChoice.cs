using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KinerjaBot.Conversations;

/// <summary>
/// "Alasan ini untuk …?": the buttons that send a held return reason to one of several pending returns,
/// <c>a:instance[:unit]</c>. Kept apart from <see cref="CallbackAction"/>, whose forms never start with <c>a:</c>;
/// a press only picks among the returns the chat's own state still holds, so it is never trusted beyond that.
/// </summary>
public static class ReasonChoice
{
    public static string For(PendingReturn pending) => pending.TargetUnitId is { } unit
        ? string.Create(CultureInfo.InvariantCulture, $"a:{pending.InstanceId}:{unit}")
        : string.Create(CultureInfo.InvariantCulture, $"a:{pending.InstanceId}");

    public static bool TryParse(string? data, [NotNullWhen(true)] out (long InstanceId, string? TargetUnitId)? choice)
    {
        choice = null;
        var parts = data?.Split(':');
        if (parts is not ["a", var id, ..] || parts.Length > 3 || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var instanceId))
        {
            return false;
        }

        choice = (instanceId, parts.Length == 3 ? parts[2] : null);
        return true;
    }
}
