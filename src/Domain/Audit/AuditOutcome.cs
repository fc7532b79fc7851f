namespace AuthPlatform.Domain.Audit;

public enum AuditOutcome
{
    Success,
    Failure,
}
