using KinerjaBot.Domain;

namespace KinerjaBot.Configuration;

/// <summary>
/// The validated office: roster, roles, units, report chain, deadlines and indicators.
/// Only <see cref="OfficeConfigurationLoader"/> builds one, so every id inside resolves.
/// </summary>
public sealed class OfficeConfiguration
{
    private readonly Dictionary<string, Official> _officialsById;
    private readonly Dictionary<string, Official> _officialsByPhone;
    private readonly Dictionary<string, Unit> _unitsById;
    private readonly Dictionary<string, IReadOnlyList<Indicator>> _indicatorsByUnit;

    public OfficeConfiguration(
        OfficeInfo office,
        IReadOnlyList<Official> officials,
        OfficeRoles roles,
        IReadOnlyList<Unit> units,
        IReadOnlyList<ChainStage> chain,
        StageDeadlines deadlines,
        IReadOnlySet<DateOnly> holidays,
        IReadOnlyList<Indicator> indicators,
        OfficeHours? hours = null,
        ReminderSettings? reminders = null)
    {
        Office = office;
        Officials = officials;
        Roles = roles;
        Units = units;
        Chain = chain;
        Deadlines = deadlines;
        Holidays = holidays;
        Indicators = indicators;
        Hours = hours ?? OfficeHours.Default;
        Reminders = reminders ?? ReminderSettings.Default(roles);
        _officialsById = officials.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _officialsByPhone = officials.ToDictionary(o => o.Phone, StringComparer.Ordinal);
        _unitsById = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _indicatorsByUnit = indicators.GroupBy(i => i.UnitId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Indicator>)[.. g], StringComparer.Ordinal);
    }

    public OfficeInfo Office { get; }

    public IReadOnlyList<Official> Officials { get; }

    public OfficeRoles Roles { get; }

    public IReadOnlyList<Unit> Units { get; }

    public IReadOnlyList<ChainStage> Chain { get; }

    public StageDeadlines Deadlines { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>Working days and hours (office.yaml <c>working_days</c> / <c>working_hours</c>).</summary>
    public OfficeHours Hours { get; }

    /// <summary>Weekly digest and escalation (office.yaml <c>reminders:</c>).</summary>
    public ReminderSettings Reminders { get; }

    /// <summary>The office's working calendar: time zone, working days and hours, holidays.</summary>
    public WorkingCalendar CreateCalendar() => new(Office.TimeZone, Holidays, Hours.Days, Hours.Start, Hours.End);

    /// <summary>
    /// <c>rebind: allow</c>: an official's contact shared from another Telegram account moves their binding at once
    /// (the old chat and the operators are still told); by default an operator must allow it first.
    /// </summary>
    public bool RebindWithoutConfirmation { get; init; }

    /// <summary>
    /// <c>format_approval:</c> and its letter and deadlines: with it on, /buka first sends the period's draft format
    /// through planning, paraf and signature, and the unit heads are asked only once it is signed.
    /// </summary>
    public FormatApprovalSettings FormatApproval
    {
        get => _formatApproval ??= FormatApprovalSettings.Off(Office.Id);
        init => _formatApproval = value;
    }

    private FormatApprovalSettings? _formatApproval;

    /// <summary>Plt. / Plh. stand-ins from office.yaml <c>acting:</c>; more can be set in chat with /wakil.</summary>
    public IReadOnlyList<ActingAssignment> Acting { get; init; } = [];

    /// <summary>office.yaml <c>capaian_cap</c>: the most one indicator's capaian counts for in the measurement report's averages.</summary>
    public decimal CapaianCap { get; init; } = 120m;

    public Official Official(string id) =>
        _officialsById.TryGetValue(id, out var official)
            ? official
            : throw new KeyNotFoundException($"No official with id '{id}' in office.yaml.");

    public Unit Unit(string id) =>
        _unitsById.TryGetValue(id, out var unit)
            ? unit
            : throw new KeyNotFoundException($"No unit with id '{id}' in office.yaml.");

    /// <summary>Finds an official by any spelling of their phone number (08…, +62…, 62…).</summary>
    public Official? FindByPhone(string phone) =>
        PhoneNumber.TryNormalize(phone, out var normalized) && _officialsByPhone.TryGetValue(normalized, out var official)
            ? official
            : null;

    public bool IsOperator(string officialId) =>
        Roles.OperatorIds.Contains(officialId, StringComparer.Ordinal);

    /// <summary>The indicators a unit reports for a period, in file order.</summary>
    /// <remarks>Asked several times per update: the unit's own indicators are looked up, not the whole office's scanned.</remarks>
    public IReadOnlyList<Indicator> IndicatorsFor(string unitId, Period period) =>
        _indicatorsByUnit.TryGetValue(unitId, out var own) ? own.Where(i => i.IsAskedIn(period)).ToList() : [];

    /// <summary>The units that have at least one indicator asked in the period.</summary>
    public IReadOnlyList<Unit> UnitsReporting(Period period) =>
        Units.Where(u => IndicatorsFor(u.Id, period).Count > 0).ToList();

    /// <summary>The SOP roles an official holds, as Indonesian phrases for greetings.</summary>
    public IReadOnlyList<string> DescribeRoles(string officialId)
    {
        var roles = new List<string>();
        if (Roles.HeadId == officialId)
        {
            roles.Add("penandatangan laporan");
        }

        if (Roles.SecretaryId == officialId)
        {
            roles.Add("paraf laporan");
        }

        if (Roles.PlanningId == officialId)
        {
            roles.Add("validasi dan paraf laporan");
        }

        if (IsOperator(officialId))
        {
            roles.Add("operator");
        }

        roles.AddRange(Units.Where(u => u.HeadId == officialId).Select(u => $"pengisi data {u.Name}"));
        roles.AddRange(Units.Where(u => u.VerifierIds.Contains(officialId)).Select(u => $"verifikator {u.Name}"));
        return roles;
    }
}
