namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>One WhatsApp person the chat page offers to play (<c>/wa/{key}</c>); the host decides what the texts say.</summary>
/// <param name="Key">The URL key: letters, digits, '-', '_' or '.'; unique across Telegram and WhatsApp entries.</param>
/// <param name="WaId">The simulated WhatsApp user (added with <see cref="WhatsAppDouble.AddUser"/>).</param>
/// <param name="Name">The display name.</param>
/// <param name="Subtitle">A short line under the name, for example a job title.</param>
/// <param name="Detail">A longer line, for example the person's roles; may be empty.</param>
public sealed record WhatsAppChatPageEntry(string Key, string WaId, string Name, string Subtitle, string Detail);
