using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KinerjaBot.Conversations;

/// <summary>
/// The operator's buttons on a held move to another Telegram account: <c>r:id:y</c> (allow) and <c>r:id:n</c>
/// (refuse). Kept apart from <see cref="CallbackAction"/>, whose forms never start with <c>r:</c>; like every
/// button, a press is re-checked against the store and the presser's role.
/// </summary>
public static class RebindChoice
{
    public static string Allow(long requestId) => string.Create(CultureInfo.InvariantCulture, $"r:{requestId}:y");

    public static string Refuse(long requestId) => string.Create(CultureInfo.InvariantCulture, $"r:{requestId}:n");

    public static bool TryParse(string? data, [NotNullWhen(true)] out (long RequestId, bool Allow)? choice)
    {
        choice = null;
        var parts = data?.Split(':');
        if (parts is not ["r", var id, "y" or "n"] || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var requestId))
        {
            return false;
        }

        choice = (requestId, parts[2] == "y");
        return true;
    }
}
