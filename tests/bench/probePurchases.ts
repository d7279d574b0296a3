import { closeShops, openShop } from '../integration/harness.js';
import { newMember } from '../integration/pointsHelpers.js';

/** A quick probe: sequential purchases on a small shop against the one-row commit floor, same process. */
const { h, owner } = await openShop();
const ids: number[] = [];
for (let i = 0; i < 200; i++) ids.push(await newMember(owner));
const n = 2000;
let t0 = performance.now();
for (let i = 0; i < n; i++)
  await owner.call('purchases.record', {
    memberId: ids[i % ids.length]!,
    amountFen: 500 + ((i * 7919) % 50000),
    paymentMethod: 'cash',
  });
const rate = n / ((performance.now() - t0) / 1000);
const one = h.backend.raw.prepare(
  `insert into purchases (member_id, amount_fen, payment_method, at, day) values (?, 1000, 'cash', 'x', 'x')`,
);
t0 = performance.now();
for (let i = 0; i < n; i++) h.backend.raw.transaction(() => one.run(ids[0]))();
const floor = n / ((performance.now() - t0) / 1000);
console.log(`${rate.toFixed(0)} purchases/s, ${floor.toFixed(0)} one-row commits/s (${(rate / floor).toFixed(2)}×)`);
await closeShops();
