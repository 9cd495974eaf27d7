namespace KinerjaBot.Sandbox;

/// <summary>One person the chat page offers to play; the host decides what the texts say.</summary>
/// <param name="Key">The URL key (<c>/chat/{key}</c>): letters, digits, '-', '_' or '.'.</param>
/// <param name="UserId">The simulated user (added with <see cref="LocalBotApiServer.AddUser"/>) behind the key.</param>
/// <param name="Name">The display name.</param>
/// <param name="Subtitle">A short line under the name, for example a job title.</param>
/// <param name="Detail">A longer line, for example the person's roles; may be empty.</param>
public sealed record ChatPageEntry(string Key, long UserId, string Name, string Subtitle, string Detail);
