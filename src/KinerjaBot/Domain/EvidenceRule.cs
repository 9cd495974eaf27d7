namespace KinerjaBot.Domain;

/// <summary>Whether a unit head must attach supporting evidence (<c>evidence:</c> in <c>config/indicators.yaml</c>).</summary>
public enum EvidenceRule
{
    None,
    Optional,
    Required,
}
