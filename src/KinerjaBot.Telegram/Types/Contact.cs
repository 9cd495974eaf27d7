namespace KinerjaBot.Telegram;

/// <summary>
/// A shared phone contact (Bot API <c>Contact</c>). Registration trusts a contact only when
/// <see cref="UserId"/> equals the sender's id, i.e. the user shared their own number.
/// </summary>
public sealed record Contact
{
    public required string PhoneNumber { get; init; }

    public required string FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>The contact's Telegram user id, when the contact is a Telegram user.</summary>
    public long? UserId { get; init; }

    public string? Vcard { get; init; }
}
