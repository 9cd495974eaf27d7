namespace KinerjaBot.Sandbox;

/// <summary>One button of a reply keyboard (the keyboard that replaces the phone's keyboard).</summary>
/// <param name="Text">The label, which is also the text sent when pressed.</param>
/// <param name="RequestContact">Pressing it shares the person's own phone number instead of sending the label.</param>
public sealed record ChatReplyButton(string Text, bool RequestContact);
