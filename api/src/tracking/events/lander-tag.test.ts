import { describe, expect, it } from "vitest";
import { landerPixelTag, merchantSnippet } from "./lander-tag.js";

const id = (n: number) => `0191a0b0-0000-7000-8000-00000000000${n}`;

describe("landerPixelTag", () => {
  it("defines the queue stub and the click context, and loads /pixel.js async", () => {
    const tag = landerPixelTag({ clickId: id(1), visitorId: id(2), campaignId: id(3), landingId: id(4) });
    expect(tag).toContain(`w.__tlyctx={"click":"${id(1)}","vid":"${id(2)}","campaign":"${id(3)}","landing":"${id(4)}"}`);
    expect(tag).toContain('<script async src="/pixel.js"></script>');
  });

  it("never lets anything but a UUID into the inline script", () => {
    expect(() => landerPixelTag({ clickId: '"</script><script>alert(1)', visitorId: id(2), campaignId: id(3), landingId: id(4) })).toThrow(/clickId/);
  });
});

describe("merchantSnippet", () => {
  it("loads pixel.js from the tracker's origin", () => {
    expect(merchantSnippet("https://t.example/some/path")).toContain('<script async src="https://t.example/pixel.js"></script>');
  });
});
