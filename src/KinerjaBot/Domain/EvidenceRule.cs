namespace KinerjaBot.Domain;

/// <summary>Whether a value must, may or need not come with a photo or document as evidence.</summary>
public enum EvidenceRule
{
    None,
    Optional,
    Required,
}
