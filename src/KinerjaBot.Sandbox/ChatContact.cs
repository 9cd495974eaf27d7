namespace KinerjaBot.Sandbox;

/// <summary>A shared contact card.</summary>
/// <param name="PhoneNumber">The number exactly as the client reported it.</param>
/// <param name="FirstName">The contact's first name.</param>
/// <param name="LastName">The contact's last name, if any.</param>
/// <param name="UserId">The Telegram user the number belongs to; equals the sender only for one's own number.</param>
public sealed record ChatContact(string PhoneNumber, string FirstName, string? LastName, long? UserId);
