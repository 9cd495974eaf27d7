namespace KinerjaBot.Domain;

/// <summary>Whether a higher or a lower realisation is better.</summary>
public enum Polarity
{
    Higher,
    Lower,
}
