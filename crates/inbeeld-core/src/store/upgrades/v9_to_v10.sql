-- Version 10: the municipal system in.
-- * A client's name in its parts and a postal address (the display name is split by
--   the program after this step, where it can be).
-- * An afspraak's length, by default its type's.

ALTER TABLE clients ADD COLUMN given_name TEXT;
ALTER TABLE clients ADD COLUMN name_prefix TEXT;
ALTER TABLE clients ADD COLUMN surname TEXT;
ALTER TABLE clients ADD COLUMN street TEXT;
ALTER TABLE clients ADD COLUMN house_number TEXT;
ALTER TABLE clients ADD COLUMN house_number_addition TEXT;
ALTER TABLE clients ADD COLUMN postcode TEXT
    CHECK (postcode IS NULL OR postcode GLOB '[1-9][0-9][0-9][0-9] [A-Z][A-Z]');
ALTER TABLE clients ADD COLUMN city TEXT;
ALTER TABLE activities ADD COLUMN duration_minutes INTEGER
    CHECK (duration_minutes IS NULL OR duration_minutes > 0);
ALTER TABLE activity_types ADD COLUMN duration_minutes INTEGER
    CHECK (duration_minutes IS NULL OR duration_minutes > 0);
UPDATE activity_types SET duration_minutes = 45 WHERE code = 'afspraak';
