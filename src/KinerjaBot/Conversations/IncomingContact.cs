namespace KinerjaBot.Conversations;

/// <summary>A shared contact; <see cref="UserId"/> is whose contact it is (null for a typed-in contact).</summary>
public sealed record IncomingContact(string PhoneNumber, long? UserId);
