using FluxCaption.Web.Components.Rules;

namespace FluxCaption.Tests.Web;

/// <summary>A rule's schedule in plain words, in English and in Chinese word order.</summary>
public sealed class CronHintTests
{
    [Theory]
    [InlineData("0 0 3 * * ?", "every day at 03:00")]
    [InlineData("0 15 22 ? * MON-FRI", "Monday to Friday at 22:15")]
    [InlineData("0 0 4 ? * SUN,SAT", "every Sunday, Saturday at 04:00")]
    [InlineData("0 0/10 * * * ?", "every 10 minutes")]
    [InlineData("0 5 */6 * * ?", "every 6 hours, at 05 minutes past")]
    [InlineData("0 0 1 15 * ?", "on day 15 of every month at 01:00")]
    public void CommonSchedulesReadAsPlainWords(string cron, string words)
    {
        using var _ = WebTexts.InCulture("en");
        CronHint.Describe(cron, WebTexts.For<CronHint>()).ShouldBe(words);
    }

    [Theory]
    [InlineData("0 0 3 * * ?", "每天 03:00")]
    [InlineData("0 15 22 ? * MON-FRI", "周一至周五 22:15")]
    [InlineData("0 0 4 ? * SUN,SAT", "每周日、周六 04:00")]
    [InlineData("0 0/10 * * * ?", "每 10 分钟")]
    [InlineData("0 5 */6 * * ?", "每 6 小时一次，在第 05 分钟")]
    [InlineData("0 0 1 15 * ?", "每月 15 日 01:00")]
    public void CommonSchedulesReadInChineseWordOrder(string cron, string words)
    {
        using var _ = WebTexts.InCulture("zh-CN");
        CronHint.Describe(cron, WebTexts.For<CronHint>()).ShouldBe(words);
    }

    [Theory]
    [InlineData("0 0 3 L * ?")]
    [InlineData("every night")]
    [InlineData("0 0 25 * * ?")]
    [InlineData("0 0 3 * 1-6 ?")]
    public void UnusualOrWrongSchedulesGetNoHintRatherThanAWrongOne(string cron)
    {
        CronHint.Describe(cron, WebTexts.For<CronHint>()).ShouldBeNull();
    }
}
