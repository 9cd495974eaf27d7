using KinerjaBot.Domain;
using PdfSharp.Drawing;

namespace KinerjaBot.Reports.Pdf;

/// <summary>
/// Lays out the charts of a report as a lampiran after the signature (they illustrate the signed table, they are not
/// part of it): per chart a caption, a y axis from 0 to at least 120 %, one bar per quarter labelled with its capaian,
/// and a dashed line at the 100 % target. Charts are kept whole on a page.
/// </summary>
internal sealed class ChartLayout(PageFlow flow)
{
    private const double ChartHeight = 150;
    private const double PlotHeight = 100;
    private const double AxisWidth = 30;
    private const double BarGap = 0.35;

    private static readonly XColor BarColor = XColor.FromArgb(70, 110, 160);
    private static readonly XColor TargetColor = XColor.FromArgb(190, 60, 50);

    public void Emit(IReadOnlyList<CapaianChart> charts)
    {
        if (charts.Count == 0)
        {
            return;
        }

        var fonts = flow.Fonts;
        var style = flow.Style;
        var bar = new XSolidBrush(BarColor);
        var targetPen = new XPen(TargetColor, 0.8) { DashStyle = XDashStyle.Dash };
        var axisPen = new XPen(style.RuleColor, 0.6);
        flow.StartPage();
        flow.AddText("Lampiran: capaian per triwulan terhadap target (100 %)", fonts.Title, flow.Paint.Text, style.BodyLeft, style.BodyWidth, CellAlignment.Left, flow.Y);
        flow.Y += fonts.Title.LineHeight + 8;
        foreach (var chart in charts)
        {
            if (flow.Remaining < ChartHeight)
            {
                flow.StartPage();
            }

            var top = flow.Y;
            foreach (var line in PageFlow.Wrap(chart.Title, fonts.TableBodyBold, style.BodyWidth))
            {
                flow.AddText(line, fonts.TableBodyBold, flow.Paint.Text, style.BodyLeft, style.BodyWidth, CellAlignment.Left, flow.Y);
                flow.Y += fonts.TableBodyBold.LineHeight;
            }

            var plotTop = flow.Y + 6;
            var plotBottom = plotTop + PlotHeight;
            var plotLeft = style.BodyLeft + AxisWidth;
            var plotWidth = (style.BodyWidth * 0.6) - AxisWidth;
            var max = Math.Max(120m, chart.Values.Max() ?? 0m);
            double YOf(decimal percent) => plotBottom - (PlotHeight * (double)(percent / max));

            flow.Add(new LineOp(axisPen, plotLeft, plotTop, plotLeft, plotBottom));
            flow.Add(new LineOp(axisPen, plotLeft, plotBottom, plotLeft + plotWidth, plotBottom));
            foreach (var tick in new[] { 0m, 50m, 100m })
            {
                var label = $"{IndonesianFormat.Number(tick)} %";
                flow.Add(new TextOp(label, fonts.Legend.Font, flow.Paint.Text, plotLeft - 3 - fonts.Legend.Width(label), YOf(tick) - (fonts.Legend.LineHeight / 2)));
            }

            var slot = plotWidth / Math.Max(1, chart.Labels.Count);
            for (var index = 0; index < chart.Labels.Count; index++)
            {
                var left = plotLeft + (slot * index);
                var label = chart.Labels[index];
                flow.AddText(label, fonts.Legend, flow.Paint.Text, left, slot, CellAlignment.Center, plotBottom + 2);
                if (chart.Values[index] is not { } value)
                {
                    flow.AddText("–", fonts.Legend, flow.Paint.Text, left, slot, CellAlignment.Center, plotBottom - fonts.Legend.LineHeight - 2);
                    continue;
                }

                var barTop = YOf(value);
                flow.Add(new RectOp(null, bar, new XRect(left + (slot * BarGap / 2), barTop, slot * (1 - BarGap), plotBottom - barTop)));
                flow.AddText($"{IndonesianFormat.Percent(value)} %", fonts.Legend, flow.Paint.Text, left, slot, CellAlignment.Center, barTop - fonts.Legend.LineHeight - 1);
            }

            var targetY = YOf(100m);
            flow.Add(new LineOp(targetPen, plotLeft, targetY, plotLeft + plotWidth, targetY));
            flow.Add(new TextOp("target", fonts.Legend.Font, new XSolidBrush(TargetColor), plotLeft + plotWidth + 3, targetY - (fonts.Legend.LineHeight / 2)));
            flow.Y = Math.Max(top + ChartHeight, plotBottom + fonts.Legend.LineHeight + 10);
        }
    }
}
