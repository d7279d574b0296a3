import { Anchor, Text } from '@mantine/core';
import { Link } from 'wouter';

/** A member in a list: the name linking to their page (the number if there is no name), then the number and more, dimmed. */
export function MemberLink({
  id,
  name,
  memberNo,
  extra,
}: {
  id: number;
  name: string;
  memberNo: string;
  extra?: string;
}) {
  return (
    <>
      <Anchor component={Link} href={`/members/${id}`}>
        {name || memberNo}
      </Anchor>{' '}
      <Text span size="sm" c="dimmed">
        {extra ? `${memberNo} ${extra}` : memberNo}
      </Text>
    </>
  );
}
