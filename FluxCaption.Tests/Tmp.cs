namespace FluxCaption.Tests; public class SmokeTests { [Fact] public void Runs() => 1.ShouldBe(1); }
