using System.Text.RegularExpressions;

namespace KinerjaBot.Sandbox;

/// <summary>The people the chat page lists, in the order the host added them. Thread-safe: the host adds while requests read.</summary>
internal sealed partial class ChatPageDirectory
{
    private readonly Lock _gate = new();
    private readonly List<ChatPageEntry> _entries = [];

    public IReadOnlyList<ChatPageEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public void Add(ChatPageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // Keys end up in URLs and element attributes; a narrow alphabet keeps both trivially safe.
        if (!KeyPattern().IsMatch(entry.Key))
        {
            throw new ArgumentException($"'{entry.Key}' is not a page key: use letters, digits, '-', '_' or '.'.", nameof(entry));
        }

        lock (_gate)
        {
            if (_entries.Exists(e => string.Equals(e.Key, entry.Key, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"The chat page already lists '{entry.Key}'.");
            }

            _entries.Add(entry);
        }
    }

    public ChatPageEntry? Find(string key)
    {
        lock (_gate)
        {
            return _entries.Find(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Whether <paramref name="key"/> may be a page key (also for the WhatsApp chats).</summary>
    public static bool IsKey(string key) => KeyPattern().IsMatch(key);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex KeyPattern();
}
