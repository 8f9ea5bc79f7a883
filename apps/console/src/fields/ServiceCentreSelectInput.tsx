import { SelectInput, type SelectInputProps } from 'react-admin';
import { useServiceCentreChoices } from './service-centre-choices';

/** Every service centre as a select (filters of the claim and stock lists). */
export const ServiceCentreSelectInput = (props: Omit<SelectInputProps, 'choices'>) => {
  const { choices, isPending } = useServiceCentreChoices();
  return <SelectInput {...props} choices={choices} isPending={isPending} sx={{ minWidth: 240 }} />;
};
